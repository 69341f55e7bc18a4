package city.yingzao.portal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** A chart's ECharts option as JSON for {@code <script type="application/json">} inside {@code <yz-chart>}: "<" never closes it. */
final class ChartJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartJson() {
    }

    static String of(Map<String, Object> option) {
        try {
            return JSON.writeValueAsString(option).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
