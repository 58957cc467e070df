package dev.hookstead.build.problems;

/** ERROR fails the build; WARNING is logged and the build goes on. */
public enum Severity {
    ERROR,
    WARNING
}
