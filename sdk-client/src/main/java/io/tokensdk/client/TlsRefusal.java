package io.tokensdk.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a TLS failure and names its likely cause. A server that refuses the client certificate may send an alert, or
 * reset or close the connection during the handshake, or (TLS 1.3, where the client finishes its handshake first) close
 * the new connection while the request is being written or before the answer. So any failure other than a timeout on a
 * new TLS connection before an answer's headers arrived is taken for such a refusal: it is never retried, and an answer
 * cut in its headers on the first request of a new TLS connection is therefore not resent either.
 */
final class TlsRefusal {
  private final X509Certificate configuredCertificate;
  private final boolean configuredCertificateKnown;
  private final Clock wallClock;

  /**
   * @param configuredCertificate the client certificate of the configuration, or null
   * @param configuredCertificateKnown false when a caller's OkHttpClient may present a certificate the SDK cannot see
   */
  TlsRefusal(X509Certificate configuredCertificate, boolean configuredCertificateKnown, Clock wallClock) {
    this.configuredCertificate = configuredCertificate;
    this.configuredCertificateKnown = configuredCertificateKnown;
    this.wallClock = wallClock;
  }

  /** The likely cause when {@code failure} is a TLS failure, empty otherwise. */
  Optional<String> cause(IOException failure, AttemptTag tag, boolean https) {
    if (failure instanceof SSLPeerUnverifiedException) {
      return Optional.of("the server certificate does not match the host name");
    }
    SSLException ssl = find(failure, SSLException.class);
    if (ssl != null) {
      String alert = alert(failure);
      if (alert != null) {
        return Optional.of("the server refused the handshake (alert " + alert + "): " + clientCertificateProblem(tag));
      }
      if (find(failure, CertificateExpiredException.class) != null) {
        return Optional.of("the server certificate has expired");
      }
      if (find(failure, CertPathBuilderException.class) != null || find(failure, CertPathValidatorException.class) != null) {
        return Optional.of("the server certificate is not trusted: give its CA to ClientConfig.Builder.trustedCertificates");
      }
      if (endedWithoutAlert(failure)) {
        return Optional.of("the server ended the TLS handshake without an alert: " + clientCertificateProblem(tag));
      }
      return Optional.of("the TLS handshake failed (" + ssl.getClass().getSimpleName() + ")");
    }
    if (!https || tag.headersReceived() || failure instanceof InterruptedIOException) {
      return Optional.empty();
    }
    if (!tag.requestMayHaveBeenSent() && closedRightAfterTheHandshake(failure)) {
      return Optional.of("the server closed the new TLS connection right after the handshake, without an alert: "
          + clientCertificateProblem(tag));
    }
    if (!tag.requestMayHaveBeenSent() && resetOrBrokenPipe(failure)) {
      return Optional.of("the server closed the connection during the TLS handshake without an alert: "
          + clientCertificateProblem(tag));
    }
    if (tag.requestMayHaveBeenSent() && tag.freshConnection()) {
      // TLS 1.3: the client finishes its handshake first, so a server refusing its certificate closes the new connection
      // before any answer, and the alert often does not reach the client.
      return Optional.of("the server closed the new TLS connection before answering, without an alert: "
          + clientCertificateProblem(tag));
    }
    return Optional.empty();
  }

  private String clientCertificateProblem(AttemptTag tag) {
    List<Certificate> presented = tag.presentedCertificates();
    boolean notPresented = presented != null && presented.isEmpty();
    X509Certificate certificate;
    if (presented != null && !presented.isEmpty()) {
      certificate = (X509Certificate) presented.get(0);
    } else if (configuredCertificateKnown) {
      certificate = configuredCertificate;
    } else if (notPresented) {
      certificate = null;
    } else {
      return "the client certificate is likely missing, expired or not trusted by the server";
    }
    if (certificate == null) {
      return "no client certificate was presented; configure one with ClientConfig.Builder.clientCertificate";
    }
    Date now = Date.from(wallClock.instant());
    String subject = certificate.getSubjectX500Principal().getName();
    if (now.after(certificate.getNotAfter())) {
      return "the client certificate " + subject + " expired on " + certificate.getNotAfter().toInstant();
    }
    if (now.before(certificate.getNotBefore())) {
      return "the client certificate " + subject + " is not valid before " + certificate.getNotBefore().toInstant();
    }
    return "the server likely does not trust the client certificate " + subject + " (issuer "
        + certificate.getIssuerX500Principal().getName() + ")"
        + (notPresented ? "; it was not even presented, because the server asked for certificates of other CAs" : "");
  }

  private static String alert(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof SSLException && message != null && message.contains("Received fatal alert: ")) {
        return message.substring(message.indexOf("Received fatal alert: ") + 22).trim();
      }
    }
    return null;
  }

  private static boolean endedWithoutAlert(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EOFException || t instanceof SocketException
          || String.valueOf(t.getMessage()).contains("terminated the handshake")) {
        return true;
      }
    }
    return false;
  }

  /**
   * OkHttp's word for a connection it has just made but found closed before the request could go (it makes no other
   * connection, because the SDK turns its silent retries off). Over TLS 1.3 that is a server refusing the client
   * certificate: the client's handshake had finished, the server's alert closed the socket before it was used.
   */
  private static boolean closedRightAfterTheHandshake(IOException failure) {
    return "exhausted all routes".equals(failure.getMessage());
  }

  private static boolean resetOrBrokenPipe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException && !(t instanceof ConnectException)) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset") || message.contains("broken pipe") || message.contains("abort")) {
          return true;
        }
      }
    }
    return false;
  }

  private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
