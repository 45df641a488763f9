class ConfigError(Exception):
    pass
try:
    {}["key"]
except KeyError as e:
    raise ConfigError("missing key") from e
