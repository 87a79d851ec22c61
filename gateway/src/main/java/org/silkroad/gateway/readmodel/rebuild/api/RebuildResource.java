package org.silkroad.gateway.readmodel.rebuild.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.silkroad.gateway.readmodel.rebuild.ReadModelRebuild;
import org.silkroad.gateway.readmodel.rebuild.RebuildReport;

@Path("/api/admin/rebuild")
@Tag(name = "Administration")
public class RebuildResource {

    private final ReadModelRebuild rebuild;

    RebuildResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed({"admin", "editor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Empties the read model and replays every topic from its beginning; answers when done "
            + "(409 while another rebuild runs). Live consumption waits meanwhile; dead letters are kept.")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
