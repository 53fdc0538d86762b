package io.tokensdk.examples.cli;

import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.FundingPanInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.Payload;
import io.tokensdk.crypto.payload.PayloadType;
import io.tokensdk.crypto.payload.TokenPanInfo;
import picocli.CommandLine;

/** The {@code --payload} option of {@code open-card}: which CMS-sealed field of the TSP API the envelope is. */
enum CardPayload {
  /** createToken's {@code cipheredCardInfo}. */
  CARD_INFO(CardInfo.TYPE),
  /** updateToken's {@code newCipheredCardInfo}. */
  NEW_CARD_INFO(NewCardInfo.TYPE),
  /** listTokens' {@code cipheredCardInfo}. */
  FUNDING_PAN(FundingPanInfo.TYPE),
  /** listTokens' {@code cipheredTokenInfo}. */
  TOKEN_PAN(TokenPanInfo.TYPE);

  final PayloadType<? extends Payload> type;

  CardPayload(PayloadType<? extends Payload> type) {
    this.type = type;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Reads {@code card-info}, {@code new-card-info}, {@code funding-pan} or {@code token-pan}. */
  static final class Converter implements CommandLine.ITypeConverter<CardPayload> {
    @Override
    public CardPayload convert(String value) {
      for (CardPayload payload : values()) {
        if (payload.toString().equals(value)) {
          return payload;
        }
      }
      throw new CommandLine.TypeConversionException("expected card-info, new-card-info, funding-pan or token-pan");
    }
  }
}
