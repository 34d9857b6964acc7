package com.xinfang.petition;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One person who brought the matter. Identity fields are stored only encrypted, with a blind
 * index for exact matching and a masked copy for display.
 */
@Table("petitioner")
record Petitioner(String name, byte[] idNumberEnc, String idNumberIndex, String idNumberMask, byte[] phoneEnc,
		String phoneIndex, String phoneMask, byte[] addressEnc, boolean representative) {
}
