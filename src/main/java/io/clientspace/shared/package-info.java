/** Value objects, the application shell and UI building blocks every module uses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.clientspace.shared;
