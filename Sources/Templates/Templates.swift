/// Programme templates: YAML → typed models. Knows nothing of databases.
public enum Templates {}
