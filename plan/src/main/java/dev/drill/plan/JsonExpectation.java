package dev.drill.plan;

import java.util.Optional;

/**
 * What a JSON path must find in a command's output or a response body ({@code expect json
 * "$.status"}): at least one value; with {@code count}, exactly that many; with {@code
 * equals}, exactly the values of that JSON text (its elements when it is an array, else
 * the one value). Path and JSON text are templates.
 */
public record JsonExpectation(String path, Optional<Integer> count, Optional<String> equals) {}
