package com.xinfang.text;

/**
 * A petition text with the classification a registrar gave it: category code (domain.md §5), kind
 * (CLAIM, SUGGESTION, ACCUSATION) and legal channel (null when none).
 */
public record LabelledPetition(String title, String content, String category, String kind, String legalChannel) {
}
