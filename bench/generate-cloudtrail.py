#!/usr/bin/env python3
"""Writes a synthetic CloudTrail backtest corpus: N records in gzip log files shaped as S3 delivers them.

About 2% of the records are firewall changes (security groups, NACLs, GuardDuty IP sets), the rest ordinary
management events, so the corpus looks like a real account's trail. Deterministic for a given seed.
usage: generate-cloudtrail.py OUT_DIR [RECORDS=200000] [PER_FILE=2000]
"""
import gzip
import json
import os
import random
import sys
import uuid

out_dir = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000
rng = random.Random(42)
os.makedirs(out_dir, exist_ok=True)

ACCOUNT = "111122223333"
NOISE = [("sts.amazonaws.com", "AssumeRole"), ("ec2.amazonaws.com", "DescribeInstances"),
         ("ec2.amazonaws.com", "DescribeSecurityGroups"), ("s3.amazonaws.com", "GetBucketAcl"),
         ("kms.amazonaws.com", "Decrypt"), ("lambda.amazonaws.com", "Invoke"),
         ("logs.amazonaws.com", "CreateLogStream"), ("iam.amazonaws.com", "GetRole"),
         ("ec2.amazonaws.com", "RunInstances"), ("cloudformation.amazonaws.com", "DescribeStacks")]


def identity(i):
    return {"type": "AssumedRole", "principalId": "AROAEXAMPLE:session-%d" % (i % 50),
            "arn": "arn:aws:sts::%s:assumed-role/Ops/session-%d" % (ACCOUNT, i % 50), "accountId": ACCOUNT,
            "accessKeyId": "ASIAEXAMPLE%06d" % (i % 1000),
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLE",
                                                 "arn": "arn:aws:iam::%s:role/Ops" % ACCOUNT, "accountId": ACCOUNT,
                                                 "userName": "Ops"},
                               "attributes": {"creationDate": "2026-11-27T11:00:00Z", "mfaAuthenticated": "true"}}}


def base(i, source, name):
    return {"eventVersion": "1.11", "userIdentity": identity(i),
            "eventTime": "2026-11-27T%02d:%02d:%02dZ" % (i // 3600 % 24, i // 60 % 60, i % 60),
            "eventSource": source, "eventName": name, "awsRegion": "us-east-1",
            "sourceIPAddress": "203.0.113.%d" % (i % 250 + 1), "userAgent": "aws-cli/2.15.30 Python/3.11.8",
            "requestParameters": None, "responseElements": None,
            "requestID": str(uuid.UUID(int=rng.getrandbits(128))), "eventID": str(uuid.UUID(int=rng.getrandbits(128))),
            "readOnly": name.startswith(("Describe", "Get", "List")), "eventType": "AwsApiCall",
            "managementEvent": True, "recipientAccountId": ACCOUNT, "eventCategory": "Management",
            "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                           "clientProvidedHostHeader": "ec2.us-east-1.amazonaws.com"}}


def firewall(i):
    kind = i % 3
    if kind == 0:
        r = base(i, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
        port = rng.choice([22, 443, 3389, 8080, 5432])
        r["requestParameters"] = {"groupId": "sg-%017x" % (i % 4096), "ipPermissions": {"items": [
            {"ipProtocol": "tcp", "fromPort": port, "toPort": port, "groups": {},
             "ipRanges": {"items": [{"cidrIp": rng.choice(["0.0.0.0/0", "10.0.0.0/8", "198.51.100.0/24"])}]},
             "ipv6Ranges": {}, "prefixListIds": {}}]}}
        r["responseElements"] = {"requestId": r["requestID"], "_return": True}
    elif kind == 1:
        r = base(i, "ec2.amazonaws.com", "CreateNetworkAclEntry")
        r["requestParameters"] = {"networkAclId": "acl-%017x" % (i % 512), "ruleNumber": 100 + i % 50,
                                  "egress": False, "ruleAction": "allow", "aclProtocol": "6",
                                  "cidrBlock": "0.0.0.0/0", "portRange": {"from": 443, "to": 443}}
        r["responseElements"] = {"requestId": r["requestID"], "_return": True}
    else:
        r = base(i, "ec2.amazonaws.com", "RevokeSecurityGroupIngress")
        r["requestParameters"] = {"groupId": "sg-%017x" % (i % 4096), "ipPermissions": {"items": [
            {"ipProtocol": "-1", "groups": {}, "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
             "ipv6Ranges": {}, "prefixListIds": {}}]}}
        r["responseElements"] = {"requestId": r["requestID"], "_return": True}
    return r


def noise(i):
    source, name = NOISE[i % len(NOISE)]
    r = base(i, source, name)
    r["requestParameters"] = {"roleArn": "arn:aws:iam::%s:role/App" % ACCOUNT, "roleSessionName": "s%d" % i,
                              "filterSet": {"items": [{"name": "tag:env", "valueSet": {"items": [{"value": "prod"}]}}]}}
    r["responseElements"] = {"credentials": {"accessKeyId": "ASIAEXAMPLE", "expiration": "Nov 27, 2026 12:00:00 PM"},
                             "assumedRoleUser": {"arn": "arn:aws:sts::%s:assumed-role/App/s%d" % (ACCOUNT, i)}}
    return r


written = 0
index = 0
while written < total:
    n = min(per_file, total - written)
    records = [firewall(written + k) if rng.random() < 0.02 else noise(written + k) for k in range(n)]
    name = "%s_CloudTrail_us-east-1_20261127T%04dZ_%s.json.gz" % (ACCOUNT, index, uuid.UUID(int=rng.getrandbits(128)).hex[:16])
    with gzip.open(os.path.join(out_dir, name), "wt", encoding="utf-8") as f:
        json.dump({"Records": records}, f, separators=(",", ":"))
    written += n
    index += 1
print("wrote %d records in %d files to %s" % (written, index, out_dir))
