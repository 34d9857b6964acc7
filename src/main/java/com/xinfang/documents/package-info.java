/**
 * Official documents (文书): the notices, slips and opinions a petition matter produces, rendered
 * as A4 PDF with Chinese text in an embedded font that ships with the application. The module
 * knows nothing of the petition aggregate: callers describe a document with the neutral
 * {@link com.xinfang.documents.OfficialDocument} record and get the PDF bytes back from
 * {@link com.xinfang.documents.DocumentRenderer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package com.xinfang.documents;
