package dev.hookstead.script;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void runs() {
        try (Scripts s = new Scripts(Scripts.fastOptions())) {
            FunctionResult r = s.http("exports = function(payload, response){ __hs_guard__.check(); return payload.query.arg1 + ' ' + typeof payload.body; };");
            assertEquals("\"hello undefined\"", dev.hookstead.bson.Ejson.canonical(r.returnValue()));
        }
    }
}
