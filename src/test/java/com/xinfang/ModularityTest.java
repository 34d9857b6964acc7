package com.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.EventType;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(XinFangApplication.class);

	static final String FOLDER = "target/spring-modulith-docs";

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentationNamingEveryModule() throws Exception {
		new Documenter(MODULES, FOLDER).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		String diagram = Files.readString(Path.of(FOLDER, "components.puml"));
		MODULES.forEach(module -> assertThat(diagram).contains(module.getDisplayName()));
	}

	/**
	 * The published API and the events of every module, as Modulith sees them, in
	 * {@code target/spring-modulith-docs/modules.md}. (Modulith's own module canvases would say the
	 * same, but 2.0.3 cannot read the Javadoc index of this code base: spring-modulith#1762.)
	 */
	@Test
	void writesEachModulesPublishedApiAndEvents() throws Exception {
		StringBuilder out = new StringBuilder("# Modules: published API and events\n\nWritten by ModularityTest from the Spring Modulith model.\n");
		MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getDisplayName)).forEach(module -> {
			out.append("\n## ").append(module.getDisplayName()).append(" (`").append(module.getBasePackage().getName()).append("`)\n\n");
			out.append("- depends on: ").append(names(module.getDirectDependencies(MODULES).uniqueModules()
				.map(ApplicationModule::getDisplayName).sorted().toList())).append('\n');
			out.append("- API: ").append(names(api(module))).append('\n');
			out.append("- publishes: ").append(names(published(module))).append('\n');
			out.append("- listens to: ").append(names(module.getEventsListenedTo(MODULES).stream().map(JavaClass::getSimpleName)
				.distinct().sorted().toList())).append('\n');
		});
		Files.createDirectories(Path.of(FOLDER));
		Files.writeString(Path.of(FOLDER, "modules.md"), out);

		ApplicationModule petition = MODULES.getModuleByName("petition").orElseThrow();
		// the read API other modules use instead of petition's tables, and the commands
		assertThat(api(petition)).contains("PetitionQueries", "PetitionPeople", "PetitionScope", "PetitionCommand", "VisibleMatter")
			.doesNotContain("Petition", "Petitions", "ConfidentialityRule");
		// the typed events, each found where the aggregate's acts publish it
		assertThat(published(petition)).contains("PetitionRegistered", "PetitionAccepted", "PetitionMerged", "PetitionTransferred",
				"PetitionExtended", "PetitionReplied", "PetitionClosed", "PetitionMoved");
		assertThat(MODULES.getModuleByName("notification").orElseThrow().getEventsListenedTo(MODULES))
			.extracting(JavaClass::getSimpleName)
			.contains("PetitionEvent", "PetitionMerged");
		// the supervision split: three modules, staff notices in notification
		assertThat(MODULES.stream().map(ApplicationModule::getName)).contains("supervision", "coordination", "accountability");
		assertThat(api(MODULES.getModuleByName("notification").orElseThrow())).contains("StaffNotices");
		assertThat(Files.readString(Path.of(FOLDER, "modules.md"))).contains("## Petition", "PetitionPeople", "PetitionMerged");
	}

	static List<String> api(ApplicationModule module) {
		return module.getNamedInterfaces().stream().flatMap(ni -> ni.asJavaClasses()).filter(c -> c.getEnclosingClass().isEmpty())
			.map(JavaClass::getSimpleName).distinct().sorted().toList();
	}

	static List<String> published(ApplicationModule module) {
		return module.getPublishedEvents().stream().map(EventType::getType).map(JavaClass::getSimpleName).distinct().sorted().toList();
	}

	static String names(List<String> names) {
		return names.isEmpty() ? "—" : names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
	}

}
