package com.xinfang.exchange;

/** A partner's API key and signing secret, shown once when issued or rotated. */
public record Credentials(String partnerCode, String apiKey, String signingSecret) {
}
