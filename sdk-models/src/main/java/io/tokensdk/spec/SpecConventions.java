package io.tokensdk.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tables behind a generated {@link ApiConventions}: the generated subclass passes what its spec says, and this class
 * answers the questions. Immutable.
 */
public abstract class SpecConventions implements ApiConventions {
  private final SpecId spec;
  private final String codeField;
  private final List<ProtocolCode> codes;
  private final Set<Integer> retryableStatuses;
  private final Map<String, OperationRules> operations;
  private final Map<String, Map<String, Sensitivity>> schemaFields;
  private final Map<String, Sensitivity> fields;
  private final Map<String, Sensitivity> headers;

  /**
   * The tables of one spec.
   *
   * @param spec the API
   * @param codeField the body field that carries the code, or null when the HTTP status is the code
   * @param codes the code table, in the spec's order
   * @param retryableStatuses the statuses retryable whatever the body says
   * @param operations the rules of each operation, by operationId
   * @param schemaFields the sensitive properties, by schema name and property name
   * @param payloadFields the plaintext fields of the encrypted payloads, by name
   * @param headers the sensitive headers, by lower-case name
   */
  protected SpecConventions(SpecId spec, String codeField, List<? extends ProtocolCode> codes,
      Set<Integer> retryableStatuses, Map<String, OperationRules> operations,
      Map<String, Map<String, Sensitivity>> schemaFields, Map<String, Sensitivity> payloadFields,
      Map<String, Sensitivity> headers) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.codeField = codeField;
    this.codes = List.copyOf(codes);
    this.retryableStatuses = Set.copyOf(retryableStatuses);
    this.operations = Map.copyOf(operations);
    this.schemaFields = Map.copyOf(schemaFields);
    this.fields = byLowerCaseName(schemaFields, payloadFields);
    this.headers = Map.copyOf(headers);
  }

  /** Every sensitive name, properties and payload fields, by lower-case name; the most protective class wins. */
  private static Map<String, Sensitivity> byLowerCaseName(Map<String, Map<String, Sensitivity>> schemaFields,
      Map<String, Sensitivity> payloadFields) {
    Map<String, Sensitivity> byName = new HashMap<>();
    List<Map<String, Sensitivity>> all = new java.util.ArrayList<>(schemaFields.values());
    all.add(payloadFields);
    all.forEach(fields -> fields.forEach((name, sensitivity) ->
        byName.merge(name.toLowerCase(Locale.ROOT), sensitivity, (a, b) -> a.compareTo(b) <= 0 ? a : b)));
    return Map.copyOf(byName);
  }

  /**
   * The rules of one operation.
   *
   * @param key where its idempotency key travels
   * @param deduplicated whether the server deduplicates it by that key
   * @param readOnly whether it changes nothing
   */
  public record OperationRules(IdempotencyKey key, boolean deduplicated, boolean readOnly) {
    /** Rules; the key is required. */
    public OperationRules {
      Objects.requireNonNull(key, "key");
    }
  }

  @Override
  public SpecId spec() {
    return spec;
  }

  @Override
  public Set<String> operationIds() {
    return operations.keySet();
  }

  @Override
  public IdempotencyKey idempotencyKey(String operationId) {
    return rules(operationId).key();
  }

  @Override
  public boolean deduplicated(String operationId) {
    return rules(operationId).deduplicated();
  }

  @Override
  public boolean readOnly(String operationId) {
    return rules(operationId).readOnly();
  }

  private OperationRules rules(String operationId) {
    Objects.requireNonNull(operationId, "operationId");
    OperationRules rules = operations.get(operationId);
    if (rules == null) {
      throw new IllegalArgumentException(spec + " has no operation " + operationId);
    }
    return rules;
  }

  @Override
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  @Override
  public Optional<String> codeField() {
    return Optional.ofNullable(codeField);
  }

  @Override
  public List<ProtocolCode> codes() {
    return codes;
  }

  @Override
  public Optional<Sensitivity> sensitivity(String schemaName, String property) {
    return Optional.ofNullable(schemaFields.getOrDefault(schemaName, Map.of()).get(property));
  }

  @Override
  public Optional<Sensitivity> fieldSensitivity(String property) {
    return property == null ? Optional.empty() : Optional.ofNullable(fields.get(property.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<Sensitivity> headerSensitivity(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return spec + " conventions";
  }
}
