/**
 * AWS SDK v2 adapters of the core ports: {@link newsroom.aws.S3ObjectStore}, {@link newsroom.aws.DynamoArticleIndex},
 * {@link newsroom.aws.DynamoSourceStateStore}, {@link newsroom.aws.EventBridgePublisher},
 * {@link newsroom.aws.SqsFetchQueue} and {@link newsroom.aws.AmazonTranslateTranslator}, plus
 * {@link newsroom.aws.AwsConfig} (the environment contract with {@code template.yaml}) and
 * {@link newsroom.aws.AwsClients} (how each SDK client is built for Lambda).
 *
 * <p>Null-marked: no parameter, return value or field is null unless typed {@code @Nullable}.
 */
@NullMarked
package newsroom.aws;

import org.jspecify.annotations.NullMarked;
