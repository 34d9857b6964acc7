package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;

/**
 * The pages' shared model (the person logged in, the navigation) is added for page controllers
 * only: the API's handlers, on every request, do not pay for advice they never render (issue 11).
 */
@IntegrationTest
class PageAdviceIT {

	@Autowired
	ApplicationContext context;

	@Test
	void thePagesModelIsAddedForPagesAndNeverForTheApi() {
		List<ControllerAdviceBean> modelAdvice = ControllerAdviceBean.findAnnotatedBeans(context)
			.stream()
			.filter(a -> !MethodIntrospector.selectMethods(a.getBeanType(), (Method m) -> isModelAdvice(m)).isEmpty())
			.toList();
		assertThat(modelAdvice).extracting(a -> a.getBeanType().getSimpleName())
			.contains("CurrentActorAdvice", "PreventionNavAdvice", "GridNavAdvice", "StatsNavAdvice");
		List<Class<?>> api = controllers(RestController.class);
		List<Class<?>> pages = controllers(PageController.class);
		assertThat(api).extracting(Class::getSimpleName).contains("PetitionApi");
		assertThat(pages).extracting(Class::getSimpleName).contains("ConsolePages", "PortalPages", "ChineseErrorController");
		for (ControllerAdviceBean advice : modelAdvice) {
			assertThat(api).as("%s for API handlers", advice.getBeanType().getSimpleName())
				.noneMatch(advice::isApplicableToBeanType);
			assertThat(pages).as("%s for pages", advice.getBeanType().getSimpleName())
				.allMatch(advice::isApplicableToBeanType);
		}
	}

	@Test
	void everyOneOfOurControllersIsAPageControllerOrAnApi() {
		// a page controller declared with plain @Controller would render without the navigation
		List<String> neither = controllers(Controller.class).stream()
			.filter(c -> c.getPackageName().startsWith("com.xinfang"))
			.filter(c -> !AnnotatedElementUtils.hasAnnotation(c, RestController.class)
					&& !AnnotatedElementUtils.hasAnnotation(c, PageController.class))
			.map(Class::getSimpleName)
			.toList();
		assertThat(neither).as("plain @Controller: only APIs that answer XML or JSON themselves").containsOnly("Open311Api");
	}

	private static boolean isModelAdvice(Method m) {
		return AnnotatedElementUtils.hasAnnotation(m, ModelAttribute.class) || AnnotatedElementUtils.hasAnnotation(m, InitBinder.class);
	}

	private List<Class<?>> controllers(Class<? extends java.lang.annotation.Annotation> annotation) {
		return context.getBeansWithAnnotation(annotation)
			.values()
			.stream()
			.<Class<?>>map(bean -> ClassUtils.getUserClass(bean))
			.filter(c -> AnnotatedElementUtils.hasAnnotation(c, annotation))
			.distinct()
			.toList();
	}

}
