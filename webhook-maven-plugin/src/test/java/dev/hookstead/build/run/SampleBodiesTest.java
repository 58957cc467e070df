package dev.hookstead.build.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sample bodies from what a function reads of its parsed body, and where the build cannot tell. */
class SampleBodiesTest {

    private static String body(String source) {
        SampleBodies.Sample sample = SampleBodies.of(source);
        assertFalse(sample.unknown(), source);
        return sample.body();
    }

    @Test
    void propertiesReadThroughAVariableBecomeTheBody() {
        assertEquals("{\"someField\":\"SOMEFIELD\"}", body("""
                exports = async function(payload, response) {
                  const body = EJSON.parse(payload.body.text());
                  if (body.someField) return { saved: body.someField };
                };
                """));
        assertEquals("{\"type\":\"TYPE\",\"data\":{\"object\":{\"id\":\"ID\"}}}", body("""
                exports = function({ body }) {
                  let event = JSON.parse(body.text());
                  if (event.type === "x") return event.data.object.id;
                  return event?.data;
                };
                """));
    }

    @Test
    void destructuredNamesAndLiteralDefaults() {
        assertEquals("{\"message\":\"MESSAGE\"}", body("const { message } = JSON.parse(payload.body.text());"));
        assertEquals("{\"id\":\"ID\",\"status\":\"new\",\"orders\":[]}",
                body("const { id, status = \"new\", orders = [], ...rest } = JSON.parse(body.text());"));
        assertEquals("{\"a\":\"A\"}", body("return JSON.parse(payload.body.text()).a;"));
    }

    @Test
    void aBodyReadInAWayTheBuildCannotFollowIsUnknown() {
        assertTrue(SampleBodies.of("const items = JSON.parse(payload.body.text()); return items.map(f);").unknown(),
                "a method call: the value's type is unknown");
        assertTrue(SampleBodies.of("return insert(JSON.parse(payload.body.text()));").unknown(), "passed on whole");
        assertTrue(SampleBodies.of("const text = payload.body.text(); return text;").unknown(), "not parsed here");
        assertTrue(SampleBodies.of("const { a: renamed } = JSON.parse(body.text());").unknown(), "renamed");
    }

    @Test
    void aFunctionThatDoesNotReadItsBodyNeedsNoSample() {
        SampleBodies.Sample sample = SampleBodies.of("exports = function({ query }) { return query.name; };");
        assertFalse(sample.unknown());
        assertNull(sample.body());
    }
}
