package dev.flowfront.preview.simulator;

import java.util.Map;

/**
 * A request the simulated API answered and its response, for contract checks in tests.
 *
 * @param path the request path, tenant included as sent
 * @param query the decoded query parameters, the first value of each
 * @param headers the response headers, by name
 * @param contentType the response's content type, or null when it has no body
 * @param body the response body; null for event streams, whose frames are not collected
 */
public record ApiExchange(
        String method,
        String path,
        Map<String, String> query,
        int status,
        Map<String, String> headers,
        String contentType,
        byte[] body) {}
