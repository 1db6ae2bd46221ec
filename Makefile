# sam build (Metadata: BuildMethod: makefile, ContextPath and ProjectRootDirectory: ".") copies this repository to a
# scratch folder and runs `make --makefile <this file> build-<LogicalId>` there with ARTIFACTS_DIR set. Each target
# builds its function's module with Maven (and the libraries it depends on, from this reactor), then unpacks the
# shaded jar into ARTIFACTS_DIR: classes and resources at the root, as Lambda's Java runtimes load a .zip.
#   make build-IngestApiFunction ARTIFACTS_DIR=/tmp/ingest-api     # what sam build runs, by hand
# Without sam build, `mvn package` makes the same jars, which are the template's CodeUri (sam deploy uploads them).

MVN ?= mvn
MVN_FLAGS ?= -B -q -DskipTests

# $(1) = the function's module folder under functions/ (also the jar's name)
define lambda_artifact
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; }
	$(MVN) $(MVN_FLAGS) -pl functions/$(1) -am package
	mkdir -p "$(ARTIFACTS_DIR)"
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/functions/$(1)/target/$(1).jar"
endef

.PHONY: build-PollDispatcherFunction build-FeedPollerFunction build-ArticleFetcherFunction build-IngestApiFunction build-TranslationFunction \
	build-ThumbnailFunction

# the dispatcher and the poll worker are two entry points of one module (same libraries, same jar)
build-PollDispatcherFunction:
	$(call lambda_artifact,feed-poller)

build-FeedPollerFunction:
	$(call lambda_artifact,feed-poller)

build-ArticleFetcherFunction:
	$(call lambda_artifact,article-fetcher)

build-IngestApiFunction:
	$(call lambda_artifact,ingest-api)

build-TranslationFunction:
	$(call lambda_artifact,translation)

build-ThumbnailFunction:
	$(call lambda_artifact,thumbnail)
