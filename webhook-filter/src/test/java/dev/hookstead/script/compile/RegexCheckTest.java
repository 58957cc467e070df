package dev.hookstead.script.compile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "^(\\w+\\s?)*$", "(a*)*b", "(?:a{1,5})+", "((ab)+c)*", "(x+x+)+y",
            "(a|aa)*b", "^(a|a)+$", "(ab|a|b)*c", "(a|b|ab){2,}", "([\\w.]+\\.)+", "(\\d+\\.?)+x"})
    void refusesCatastrophicPatterns(String pattern) {
        List<RegexCheck.Finding> findings = RegexCheck.check(pattern, "");
        assertEquals(1, findings.size(), pattern);
        assertTrue(findings.get(0).message().contains("backtracks catastrophically"), findings::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b*", "^\\d{3}(-\\d{4})+$", "(\\d{3})+", "(ab|cd)*", "(\\s?,)*", "(a|b)+",
            "^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$", "^([a-z0-9-]+\\.)+[a-z]{2,}$", "(,a*)*", "[(a+)+]", "\\(a+\\)+",
            "(a+){2}", "(?=a+)b", "x{2,3}y"})
    void acceptsLinearPatterns(String pattern) {
        assertEquals(List.of(), RegexCheck.check(pattern, ""), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(A|a)*", "(\\.[\\w-]+)+"})
    void caseInsensitiveFlagIsConsidered(String pattern) {
        assertEquals(pattern.startsWith("(A") ? 1 : 0, RegexCheck.check(pattern, "i").size(), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[(?<x>a)]", "\\(?<x>a\\)", "[(?<=]"})
    void lookalikesInClassesAndEscapesAreNotGroups(String pattern) {
        assertEquals(List.of(), RegexCheck.check(pattern, "gim"), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "v"})
    void otherModernFlagsAreRefused(String flag) {
        assertEquals("Regex flag '" + flag + "' is not supported", RegexCheck.check("a", flag).get(0).message());
    }
}
