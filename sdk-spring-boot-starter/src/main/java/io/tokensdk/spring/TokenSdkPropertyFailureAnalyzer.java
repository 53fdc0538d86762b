package io.tokensdk.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link TokenSdkPropertyException} into Spring Boot's "APPLICATION FAILED TO START" report. */
final class TokenSdkPropertyFailureAnalyzer extends AbstractFailureAnalyzer<TokenSdkPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, TokenSdkPropertyException cause) {
    return new FailureAnalysis(cause.getMessage(), "Fix the property '" + cause.property() + "'.", cause);
  }
}
