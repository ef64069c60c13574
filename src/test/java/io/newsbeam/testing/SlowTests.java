package io.newsbeam.testing;

/** JUnit category of tests that are too heavy for the default run; the {@code heavy} profile runs them. */
public interface SlowTests {}
