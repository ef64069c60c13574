package io.newsbeam.testing;

/**
 * JUnit category of the warehouse checks that need outside engines: Spark read-back (own JVM, own classpath) and
 * the report in headless Chromium. Excluded by default; {@code mvn -B -Pwarehouse verify} runs them.
 */
public interface WarehouseTests {}
