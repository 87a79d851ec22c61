package org.silkroad.trade.reference.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference tables (countries, partner groups, flows, HS sections and chapters), read once: they change only by
 * migration, and an import looks a code up for every row.
 */
@ApplicationScoped
public class ReferenceCodes {

    public record PartnerGroup(String code, Integer m49, String name, String members) {
    }

    public record FlowCode(String code, String comtradePlus, Integer legacyCode, String name) {
    }

    public record HsSection(int number, String roman, String title) {
    }

    public record HsChapter(String code, Integer section, String title) {
    }

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot;

    private record Snapshot(List<Country> countries, Map<Integer, Country> byM49, Map<String, Country> byAlpha3,
                            List<PartnerGroup> groups, List<FlowCode> flows, List<HsSection> sections,
                            Map<String, HsChapter> chapters) {
    }

    ReferenceCodes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reads the tables now. An import must call this before it starts: inside the import's transaction the only
     * connection is busy with COPY, and a lookup could not read them then.
     */
    public void load() {
        snapshot();
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        load();
    }

    public Optional<Country> countryByM49(int m49) {
        return Optional.ofNullable(snapshot().byM49().get(m49));
    }

    /** The current country with this alpha-3 code (obsolete codes and Comtrade variants share some). */
    public Optional<Country> countryByAlpha3(String alpha3) {
        return Optional.ofNullable(snapshot().byAlpha3().get(alpha3));
    }

    public Optional<PartnerGroup> group(String code) {
        return snapshot().groups().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Optional<PartnerGroup> groupByM49(int m49) {
        return snapshot().groups().stream().filter(g -> g.m49() != null && g.m49() == m49).findFirst();
    }

    public boolean knownArea(String code) {
        return countryByAlpha3(code).isPresent() || group(code).isPresent()
                || snapshot().countries().stream().anyMatch(c -> code.equals(c.alpha3()));
    }

    public Optional<HsChapter> chapter(String code) {
        return Optional.ofNullable(snapshot().chapters().get(code));
    }

    public List<Country> countries() {
        return snapshot().countries();
    }

    public List<PartnerGroup> groups() {
        return snapshot().groups();
    }

    public List<FlowCode> flows() {
        return snapshot().flows();
    }

    public List<HsSection> sections() {
        return snapshot().sections();
    }

    public List<HsChapter> chapters() {
        return List.copyOf(snapshot().chapters().values());
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = read();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot read() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<Country> countries = new ArrayList<>();
            Map<Integer, Country> byM49 = new HashMap<>();
            Map<String, Country> byAlpha3 = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT m49, alpha2, alpha3, name, obsolete, valid_until, comtrade_variant FROM country ORDER BY m49")) {
                while (rs.next()) {
                    Country country = new Country(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), (Integer) rs.getObject(6), rs.getBoolean(7));
                    countries.add(country);
                    byM49.put(country.m49(), country);
                    if (!country.obsolete() && !country.comtradeVariant() && country.alpha3() != null) {
                        byAlpha3.put(country.alpha3(), country);
                    }
                }
            }
            List<PartnerGroup> groups = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT code, m49, name, members FROM partner_group ORDER BY code")) {
                while (rs.next()) {
                    groups.add(new PartnerGroup(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)));
                }
            }
            List<FlowCode> flows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT code, comtrade_plus, legacy_code, name FROM flow_code ORDER BY legacy_code NULLS LAST")) {
                while (rs.next()) {
                    flows.add(new FlowCode(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)));
                }
            }
            List<HsSection> sections = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT number, roman, title FROM hs_section ORDER BY number")) {
                while (rs.next()) {
                    sections.add(new HsSection(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            Map<String, HsChapter> chapters = new java.util.LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT code, section, title FROM hs_chapter ORDER BY code")) {
                while (rs.next()) {
                    chapters.put(rs.getString(1), new HsChapter(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)));
                }
            }
            return new Snapshot(List.copyOf(countries), byM49, byAlpha3, List.copyOf(groups), List.copyOf(flows),
                    List.copyOf(sections), chapters);
        } catch (SQLException e) {
            throw new IllegalStateException("reference codes are unreadable", e);
        }
    }
}
