package city.yingzao.kernel.testapp;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Endpoints that hand whatever they get to PostgreSQL without checking it first, through Hibernate
 * and through plain JDBC (as finance does): what the kernel's mappers must keep from becoming a 500.
 */
@Path("/api/probe/notes")
public class NoteResource {

    @Inject
    AgroalDataSource dataSource;

    public record Note(String code, String text, int copies) {
    }

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    @Transactional
    public Response write(Note note) {
        ProbeNote row = new ProbeNote();
        row.code = note.code();
        row.text = note.text();
        row.copies = note.copies();
        row.persist(); // flushed at commit
        return Response.status(201).entity(note).build();
    }

    @POST
    @Path("/jdbc")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Transactional
    public Response writeJdbc(Note note) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into probe_note (code, text, copies) values (?, ?, ?)")) {
            s.setString(1, note.code());
            s.setString(2, note.text());
            s.setInt(3, note.copies());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e); // what a JDBC helper does
        }
        return Response.status(201).entity(note).build();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public Note read(@PathParam("code") String code) {
        ProbeNote row = ProbeNote.findById(code);
        if (row == null) {
            throw Problems.notFound("note", code);
        }
        return new Note(row.code, row.text, row.copies);
    }

    @GET
    @PermitAll
    public List<String> search(@QueryParam("text") String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select code from probe_note where text like ? order by code")) {
            s.setString(1, "%" + (text == null ? "" : text) + "%");
            try (ResultSet rs = s.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
                return codes;
            }
        }
    }
}
