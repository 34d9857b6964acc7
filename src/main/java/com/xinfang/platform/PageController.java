package com.xinfang.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages (Thymeleaf views, the portal's and the console's). The pages' shared model
 * (the person logged in, the navigation's entries) is added by advice for these only: advice
 * declared for {@code @Controller} also ran for every API request, which is a {@code @RestController}
 * (about a twentieth of a registration's CPU in the profile, issue 11).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

}
