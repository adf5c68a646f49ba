package io.firewatch.core.response;

/** Carries out one {@link Remedy} with a cloud's own client. Each function module has one. */
public interface Responder {
    /**
     * Takes the remedy's rule back. Idempotent: a rule already gone (or already off) is {@code SKIPPED}; a resource
     * tagged or labelled {@code firewatch-response=off} is {@code SKIPPED}; a refusal is {@code FAILED} with the
     * cloud's reason. Never throws.
     */
    Outcome take(Remedy remedy);

    /** What one remedy came to. */
    record Outcome(Response.Status status, String detail) {
        public static Outcome done(String detail) {
            return new Outcome(Response.Status.DONE, detail);
        }

        public static Outcome skipped(String detail) {
            return new Outcome(Response.Status.SKIPPED, detail);
        }

        public static Outcome failed(String detail) {
            return new Outcome(Response.Status.FAILED, detail);
        }
    }

    /** For functions whose response mode is off or dry-run: nothing is ever sent to the cloud. */
    Responder NONE = remedy -> Outcome.failed("no responder is configured");
}
