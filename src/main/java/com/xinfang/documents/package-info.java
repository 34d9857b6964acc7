/**
 * Official documents (文书): the notices, slips and opinions a petition matter produces, rendered
 * as A4 PDF with Chinese text in an embedded font that ships with the application. The module
 * knows nothing of the petition aggregate: callers describe a document with the neutral
 * {@link com.xinfang.documents.OfficialDocument} record and get the PDF bytes back from
 * {@link com.xinfang.documents.DocumentRenderer}. Each document carries its own 发文字号, issued by
 * {@link com.xinfang.documents.DocumentNumbers} from one gap-free sequence per issuing unit and year
 * inside the issuing act's transaction (docs/documents.md).
 */
@ApplicationModule(displayName = "Documents")
package com.xinfang.documents;

import org.springframework.modulith.ApplicationModule;
