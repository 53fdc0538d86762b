package io.tokensdk.spec;

/** The three APIs of the SDK; each names a spec file under {@code specs/}. */
public enum SpecId {
  /** TSH Token Requestor Outgoing API 1.3.5: the Thales TSH calls a TSP. */
  TSP("tsp"),
  /** Thales COF Client API 1.42: binding notifications to a token requestor. */
  COF("cof"),
  /** Visa PAT notifications to a financial institution or token requestor. */
  PAT("pat");

  private final String id;

  SpecId(String id) {
    this.id = id;
  }

  /** The short id used in resource names and {@link io.tokensdk.json.OpenApiSchema#spec()}. */
  public String id() {
    return id;
  }

  /** The spec for a short id. */
  public static SpecId of(String id) {
    for (SpecId candidate : values()) {
      if (candidate.id.equals(id)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown spec id: " + id);
  }
}
