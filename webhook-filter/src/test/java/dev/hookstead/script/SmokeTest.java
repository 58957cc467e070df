package dev.hookstead.script;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void runs() {
        try (Scripts s = new Scripts(Scripts.fastOptions())) {
            assertEquals("\"hello undefined\"", s.returns("exports = function(payload, response){ return payload.query.arg1 + ' ' + typeof payload.body; };"));
            assertEquals("{\"$numberInt\": \"3\"}", s.returns("exports = async ({query}) => { const a = await Promise.resolve(1); class A { get x() { return 2; } } return a + new A().x; };"));
        }
    }
}
