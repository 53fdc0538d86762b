package io.tokensdk.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the spec and the schema that a generated model comes from, so that parsing can validate against it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenApiSchema {
  /** The spec id: {@code tsp}, {@code cof} or {@code pat}. */
  String spec();

  /** The schema's name under {@code components/schemas}. */
  String name();
}
