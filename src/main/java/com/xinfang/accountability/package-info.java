/**
 * Accountability (问责): the written definitions of the duties to accept and to handle in time
 * ({@link com.xinfang.accountability.Duties}) and the figures built on them — the two accountability
 * rates with their Art 26 findings, the 积案 backlog, the Art 26 register of prohibited conduct — and
 * who may see a unit's figures ({@link com.xinfang.accountability.FigureScope}).
 */
@ApplicationModule(displayName = "Accountability")
package com.xinfang.accountability;

import org.springframework.modulith.ApplicationModule;
