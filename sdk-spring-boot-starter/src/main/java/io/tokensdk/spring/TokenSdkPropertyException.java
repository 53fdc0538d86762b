package io.tokensdk.spring;

import java.util.Objects;

/**
 * A {@code tokensdk.*} setting that cannot work; thrown while the application context starts, so that a misconfigured
 * application fails at once instead of at its first request. The message starts with the property's name and never
 * contains the property's value (it may be a key).
 */
public final class TokenSdkPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final String property;

  /**
   * @param property the full name of the property, e.g. {@code tokensdk.server.cof.api-keys}
   * @param problem what is wrong and how to fix it
   */
  public TokenSdkPropertyException(String property, String problem) {
    this(property, problem, null);
  }

  /**
   * @param property the full name of the property
   * @param problem what is wrong and how to fix it
   * @param cause the underlying failure, or null
   */
  public TokenSdkPropertyException(String property, String problem, Throwable cause) {
    super(Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.property = property;
  }

  /** The full name of the property to fix. */
  public String property() {
    return property;
  }
}
