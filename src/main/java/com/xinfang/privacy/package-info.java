/**
 * Personal information (PIPL; 《信访工作条例》 Art 30 for accusers): SM4 encryption at rest, keyed SM3
 * blind indexes for exact lookup, masking for display, validation of ID numbers and phones.
 */
@ApplicationModule(displayName = "Privacy")
package com.xinfang.privacy;

import org.springframework.modulith.ApplicationModule;
