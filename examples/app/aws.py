"""boto3 clients as they are often written: hover `client`, `resource` or `Config`."""
import boto3
from botocore.config import Config

# Positional options: with botocore before 1.30 these are the connect and read timeouts; from 1.30
# on, `user_agent_appid=10, connect_timeout=120`.
LEGACY = Config("us-west-2", None, None, None, 10, 120)

# Keywords say what they set; the rest keeps botocore's defaults (60 s timeouts, 10 connections).
FAST = Config(connect_timeout=2, read_timeout=10, max_pool_connections=50, retries={"mode": "standard", "max_attempts": 3})

s3 = boto3.client("s3", config=FAST)
queue = boto3.Session(profile_name="worker").client("sqs", config=FAST.merge(Config(read_timeout=25)))
table = boto3.resource("dynamodb")

# A preset: connect timeout 3.1 s and the standard retry mode, unless the code says otherwise.
regional = boto3.client("s3", config=Config(defaults_mode="standard", read_timeout=30))
