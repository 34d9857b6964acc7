package com.xinfang;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
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
		String diagram = Files.readString(Path.of(folder, "components.puml"));
		MODULES.forEach(module -> Assertions.assertThat(diagram).contains(module.getDisplayName()));
	}

}
