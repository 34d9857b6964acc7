package com.xinfang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(XinFangApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentationNamingEveryModule() throws Exception {
		String folder = "target/spring-modulith-docs";
		new Documenter(MODULES, folder).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		String diagram = java.nio.file.Files.readString(java.nio.file.Path.of(folder, "components.puml"));
		MODULES.forEach(module -> org.assertj.core.api.Assertions.assertThat(diagram).contains(module.getDisplayName()));
	}

}
