/**
 * Chinese text: normalisation and word segmentation shared by every module that reads petition
 * text (classification, duplicate detection, search). Segmentation runs in Java with HanLP's
 * portable dictionaries, offline; what is stored in PostgreSQL is the result (tokens, signatures).
 */
@ApplicationModule(displayName = "Text")
package com.xinfang.text;

import org.springframework.modulith.ApplicationModule;
