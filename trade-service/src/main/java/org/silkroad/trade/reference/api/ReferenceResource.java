package org.silkroad.trade.reference.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.trade.reference.domain.Country;
import org.silkroad.trade.reference.domain.ReferenceCodes;

import java.util.List;

@Path("/api/reference")
@Tag(name = "Reference codes")
@PermitAll
public class ReferenceResource {

    private final ReferenceCodes codes;

    ReferenceResource(ReferenceCodes codes) {
        this.codes = codes;
    }

    @GET
    @Path("/countries")
    public List<Country> countries(@QueryParam("includeObsolete") @DefaultValue("true") boolean includeObsolete) {
        return codes.countries().stream().filter(c -> includeObsolete || !c.obsolete()).toList();
    }

    @GET
    @Path("/partner-groups")
    public List<ReferenceCodes.PartnerGroup> groups() {
        return codes.groups();
    }

    @GET
    @Path("/flows")
    public List<ReferenceCodes.FlowCode> flows() {
        return codes.flows();
    }

    @GET
    @Path("/hs-sections")
    public List<ReferenceCodes.HsSection> sections() {
        return codes.sections();
    }

    @GET
    @Path("/hs-chapters")
    public List<ReferenceCodes.HsChapter> chapters() {
        return codes.chapters();
    }
}
