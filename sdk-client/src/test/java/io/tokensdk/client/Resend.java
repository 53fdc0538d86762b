package io.tokensdk.client;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecParameter;

/** Whether the client may resend an operation that may have reached the server, as the transport decides it. */
final class Resend {
  private Resend() {}

  static boolean safe(SpecId spec, String operationId) {
    ApiSpec api = ApiSpec.of(spec);
    ClientConfig config = ClientConfig.builder("http://127.0.0.1/").build();
    return new RequestFactory(api, config, ApiProtocol.of(spec)).template(operationId,
        api.operation(operationId).orElseThrow().pathParameters().stream().map(SpecParameter::name).toList()).resendSafe();
  }
}
