# syntax=docker/dockerfile:1

# ---------------------------------------------------------------- build stage
FROM eclipse-temurin:17.0.16_8-jdk AS build
WORKDIR /build

COPY . .
# Tolerate a checkout with CRLF line endings or without the exec bit.
RUN sed -i 's/\r$//' mvnw && chmod +x mvnw

# The production profile runs Vaadin's production build from the pre-built
# bundles (no npm). The cache mount keeps ~/.m2 between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -Pproduction package \
 && cp target/clientspace.jar /build/clientspace.jar

# -------------------------------------------------------------- runtime stage
FROM eclipse-temurin:17.0.16_8-jre

RUN groupadd --system --gid 10001 clientspace \
 && useradd --system --uid 10001 --gid clientspace --create-home --home-dir /home/clientspace \
      --shell /usr/sbin/nologin clientspace

WORKDIR /app
COPY --from=build /build/clientspace.jar /app/clientspace.jar

USER clientspace:clientspace
EXPOSE 8080

# Size the heap from the container's memory limit; override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

ENTRYPOINT ["java", "-jar", "/app/clientspace.jar"]
