package io.tokensdk.server;

import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One handler under its spec's base path. It puts the steps of serving a request in order: route ({@link RouteTable}),
 * refuse repeated id headers and authenticate, read and validate ({@link RequestReader}), deduplicate
 * ({@link Deduplicator}), call the handler and answer its result ({@link ResponseWriter}) or its exception
 * ({@link OutcomeTable}). Immutable and thread-safe.
 */
final class Mount {
  private final ApiHandler handler;
  private final ApiSpec spec;
  private final ApiProfile profile;
  private final MountOptions options;
  private final RouteTable routes;
  private final RequestReader reader;
  private final ResponseWriter writer;
  private final OutcomeTable outcomes;
  private final SensitiveAnswers sensitive;
  private final Deduplicator deduplicator;

  Mount(ApiHandler handler, MountOptions options) {
    this.handler = handler;
    this.spec = ApiSpec.of(handler.spec());
    this.profile = ApiProfile.of(handler.spec());
    this.options = options;
    profile.check(options);
    Set<String> missing = new TreeSet<>();
    spec.operations().forEach(op -> missing.add(op.operationId()));
    missing.removeAll(handler.operationIds());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("handler has no method for " + missing + ": regenerate it from the spec");
    }
    this.routes = new RouteTable(spec.operations());
    this.reader = new RequestReader(handler, spec, profile, options.nullAsAbsent());
    this.writer = new ResponseWriter(spec, profile);
    this.outcomes = new OutcomeTable(profile, options);
    this.sensitive = new SensitiveAnswers(spec, ApiConventions.of(spec.id()));
    DedupeStore store = options.dedupeStore() != null ? options.dedupeStore() : new InMemoryDedupeStore();
    this.deduplicator = options.dedupe() ? new Deduplicator(store, profile, options) : null;
  }

  ApiSpec spec() {
    return spec;
  }

  String basePath() {
    return spec.basePath();
  }

  /** How this mount's API answers; for the answers a host gives before any handler runs. */
  ApiProfile profile() {
    return profile;
  }

  /** Serves a request whose path is under this mount's base path; {@code subPath} is the rest of the path. */
  Served serve(ServerRequest request, String subPath, int maxBodyBytes) {
    RouteTable.Match match = routes.match(request.method().toUpperCase(Locale.ROOT), subPath);
    if (!match.found()) {
      RequestReader.close(request);
      ServerResponse answer = match.pathKnown()
          ? ServerResponse.empty(405).withHeader("Allow", match.allow())
          : ServerResponse.empty(404);
      return new Served(null, Answer.of(answer, ServerEvent.Outcome.REJECTED), null);
    }
    SpecOperation operation = match.operation();
    ServerResponse refused = reader.repeatedHeader(request, operation);
    if (refused == null) {
      refused = profile.authenticate(request, options);
    }
    if (refused != null) {
      RequestReader.close(request);
      return new Served(operation, Answer.of(refused, ServerEvent.Outcome.REJECTED), null);
    }
    RequestReader.Result read = reader.read(request, operation, match.pathParams(), maxBodyBytes);
    if (read.refusal() != null) {
      return new Served(operation, Answer.of(read.refusal(), ServerEvent.Outcome.REJECTED), null);
    }
    ParsedRequest parsed = read.request();
    String key = deduplicator == null ? null : profile.dedupeKey(operation, request, parsed.tree());
    Answer answer = key == null ? invoke(parsed)
        : deduplicator.once(spec.id().id() + ":" + operation.operationId() + ":" + key, profile.dedupeKeyName(operation),
            Deduplicator.fingerprint(operation.method(), subPath, parsed.body()), parsed, () -> invoke(parsed));
    return new Served(operation, answer, parsed.context());
  }

  private Answer invoke(ParsedRequest request) {
    SpecOperation operation = request.operation();
    Answer answer;
    try {
      Object result = handler.dispatch(operation.operationId(), request.model(), request.pathParams(),
          request.context());
      answer = Answer.of(writer.success(operation, result, request.tree()), ServerEvent.Outcome.SUCCESS);
    } catch (Exception e) {
      answer = outcomes.answer(e, request.tree().get());
    }
    return new Answer(sensitive.mark(operation, answer.response()), answer.outcome(), answer.failure());
  }

  /**
   * What a mount did with a request.
   *
   * @param operation the operation matched, or null
   * @param answer the answer and how it came about
   * @param context the request's context once it was read, else null
   */
  record Served(SpecOperation operation, Answer answer, RequestContext context) {}
}
