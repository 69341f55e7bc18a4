package city.yingzao.grants.application;

import city.yingzao.kernel.problem.Problems;

import java.util.UUID;

/** Ids in paths and bodies are UUIDs: anything else is a 404 (path) rather than a database error. */
final class Ids {

    private Ids() {
    }

    static String uuid(String what, String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (RuntimeException e) {
            throw Problems.notFound(what.replace("Id", ""), String.valueOf(value));
        }
    }
}
