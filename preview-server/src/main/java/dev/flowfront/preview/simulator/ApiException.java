package dev.flowfront.preview.simulator;

/** An API error with the status and message Kestra would send. */
final class ApiException extends Exception {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
