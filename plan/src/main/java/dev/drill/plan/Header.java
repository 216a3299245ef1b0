package dev.drill.plan;

/** An HTTP request header; its value is a template and may use a secret. */
public record Header(String name, String value) {}
