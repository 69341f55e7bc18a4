package city.yingzao.portal.api;

import city.yingzao.portal.application.PublicWork;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The community-building map and its study tours: two tables that are the whole page without script, and the
 * data of the {@code <yz-map>} island (the GeoJSON, the tours as lines, the words) in a JSON script element.
 */
@Path("/public/map")
@Localised
@Produces(MediaType.TEXT_HTML)
public class PublicMapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(PublicWork.MapData map, String islandData);
    }

    @Inject
    PublicWork work;

    @Inject
    Visitor visitor;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance map() {
        PublicWork.MapData map = work.map();
        return Templates.map(map, islandData(map));
    }

    /** What the island draws; its words come from the bundle in the visitor's language. */
    String islandData(PublicWork.MapData map) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("geojson", map.geojson());
        data.put("tours", map.tours().stream().map(t -> Map.of("title", t.title(),
                "coords", t.stops().stream().filter(s -> s.longitude() != null && s.latitude() != null)
                        .map(s -> List.of(s.longitude(), s.latitude())).toList())).toList());
        var words = io.quarkus.qute.i18n.MessageBundles.get(Work.class, io.quarkus.qute.i18n.Localized.Literal.of(visitor.lang().tag()));
        data.put("words", Map.of("label", words.map_island_label(), "communities", words.map_communities(),
                "tours", words.map_tours(), "stage", words.map_col_stage()));
        try {
            // inside <script type="application/json">: nothing may close the element
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
