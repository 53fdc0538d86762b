package io.tokensdk.examples.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import picocli.CommandLine.Command;

/** {@code inspect}: what an envelope is made of, without any key and without any plaintext. */
@Command(name = "inspect", description = {"Describes an envelope on stdin without a key: a compact JWE (header alg, "
    + "enc, kid, cty; part sizes) or a base64 CMS EnvelopedData (content encryption, each recipient's issuer, serial "
    + "and key transport; sizes). Prints JSON.",
    "Example: java -jar tokensdk-examples.jar inspect < sealed.b64"})
final class InspectCommand implements Callable<Integer> {
  private static final Map<String, String> OID_NAMES = Map.of(
      "2.16.840.1.101.3.4.1.42", "AES-256-CBC",
      "2.16.840.1.101.3.4.1.2", "AES-128-CBC",
      "1.2.840.113549.3.7", "DES-EDE3-CBC",
      "1.2.840.113549.1.1.1", "rsaEncryption (RSAES-PKCS1-v1_5)",
      "1.2.840.113549.1.1.7", "id-RSAES-OAEP",
      "2.16.840.1.101.3.4.2.1", "SHA-256",
      "1.3.14.3.2.26", "SHA-1");
  private final CliIo io;

  InspectCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    String envelope = io.readInput();
    JsonObject description = envelope.chars().filter(c -> c == '.').count() == 4 ? jwe(envelope) : cms(envelope);
    io.out().println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(description));
    return 0;
  }

  private static JsonObject jwe(String compact) {
    String[] parts = compact.split("\\.", -1);
    JsonObject header;
    try {
      header = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (RuntimeException e) {
      throw new CliException("not a compact JWE: its header is not base64url JSON");
    }
    JsonObject out = new JsonObject();
    out.addProperty("format", "JWE (compact)");
    for (String name : new String[] {"alg", "enc", "kid", "cty", "zip"}) {
      if (header.has(name)) {
        out.add(name, header.get(name));
      }
    }
    if (header.has("epk") && header.getAsJsonObject("epk").has("crv")) {
      out.add("epkCurve", header.getAsJsonObject("epk").get("crv"));
    }
    JsonObject sizes = new JsonObject();
    String[] names = {"headerBytes", "encryptedKeyBytes", "ivBytes", "ciphertextBytes", "tagBytes"};
    for (int i = 0; i < parts.length; i++) {
      sizes.addProperty(names[i], decodedLength(parts[i]));
    }
    sizes.addProperty("compactChars", compact.length());
    out.add("sizes", sizes);
    return out;
  }

  private static JsonObject cms(String base64) {
    byte[] der;
    CMSEnvelopedData enveloped;
    try {
      der = Base64.getMimeDecoder().decode(base64);
      enveloped = new CMSEnvelopedData(der);
    } catch (Exception e) {
      throw new CliException("neither a compact JWE nor a base64 CMS EnvelopedData");
    }
    JsonObject out = new JsonObject();
    out.addProperty("format", "CMS EnvelopedData");
    out.addProperty("contentEncryption", name(enveloped.getEncryptionAlgOID()));
    JsonArray recipients = new JsonArray();
    for (RecipientInformation recipient : enveloped.getRecipientInfos().getRecipients()) {
      JsonObject r = new JsonObject();
      if (recipient.getRID() instanceof KeyTransRecipientId id) {
        r.addProperty("type", "KeyTransRecipientInfo");
        if (id.getIssuer() != null) {
          r.addProperty("issuer", id.getIssuer().toString());
          r.addProperty("serial", id.getSerialNumber().toString(16));
        }
        if (id.getSubjectKeyIdentifier() != null) {
          r.addProperty("subjectKeyIdentifier", java.util.HexFormat.of().formatHex(id.getSubjectKeyIdentifier()));
        }
      } else {
        r.addProperty("type", recipient.getClass().getSimpleName());
      }
      r.addProperty("keyTransport", keyTransport(recipient));
      recipients.add(r);
    }
    out.add("recipients", recipients);
    JsonObject sizes = new JsonObject();
    sizes.addProperty("derBytes", der.length);
    EnvelopedData data = EnvelopedData.getInstance(ContentInfo.getInstance(der).getContent());
    ASN1OctetString content = data.getEncryptedContentInfo().getEncryptedContent();
    sizes.addProperty("encryptedContentBytes", content == null ? 0 : content.getOctets().length);
    out.add("sizes", sizes);
    return out;
  }

  private static String keyTransport(RecipientInformation recipient) {
    String oid = recipient.getKeyEncryptionAlgOID();
    if ("1.2.840.113549.1.1.7".equals(oid) && recipient.getKeyEncryptionAlgorithm().getParameters() != null) {
      RSAESOAEPparams params = RSAESOAEPparams.getInstance(recipient.getKeyEncryptionAlgorithm().getParameters());
      String mgfHash = org.bouncycastle.asn1.x509.AlgorithmIdentifier
          .getInstance(params.getMaskGenAlgorithm().getParameters()).getAlgorithm().getId();
      return name(oid) + " (hash " + name(params.getHashAlgorithm().getAlgorithm().getId()) + ", MGF1 "
          + name(mgfHash) + ")";
    }
    return name(oid);
  }

  private static String name(String oid) {
    String name = OID_NAMES.get(oid);
    return name == null ? oid : name + " " + oid;
  }

  private static int decodedLength(String part) {
    try {
      return Base64.getUrlDecoder().decode(part).length;
    } catch (IllegalArgumentException e) {
      throw new CliException("not a compact JWE: a part is not base64url");
    }
  }
}
