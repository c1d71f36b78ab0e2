#!/usr/bin/env python3
"""Generates the Insights benchmark workspace: three overlapping customer CSV sources and an orders CSV.

At --scale 1: 1,000,000 customer records (400k CRM, 350k webshop, 250k loyalty over 600k people)
and 5,000,000 orders. Writes <out>/workspace/workspace.json and <out>/workspace/data/*.csv.
"""
import argparse
import datetime
import json
import os
import random

FIRST = ["Anna", "Ben", "Cara", "Dan", "Eva", "Finn", "Greta", "Hugo", "Ida", "Jonas", "Klara", "Lukas",
         "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Uwe", "Vera", "Wim", "Xenia", "Yusuf", "Zoe"]
LAST = ["Schmidt", "Mueller", "Diaz", "Evans", "Novak", "Berg", "Okafor", "Rossi", "Lind", "Weber",
        "Fischer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Wolf", "Klein", "Neumann"]
CITIES = ["Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Bremen", "Essen"]
DOMAINS = ["example.com", "mail.example", "gmail.example", "web.example"]


def person(i):
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST) + i * 7) % len(LAST)]}"
    email = f"{name.replace(' ', '.').lower()}{i}@{DOMAINS[i % len(DOMAINS)]}"
    phone = f"0170{i:08d}"
    return name, email, phone, CITIES[(i * 13) % len(CITIES)]


def day(today, days_ago):
    return (today - datetime.timedelta(days=days_ago)).isoformat()


def write_customers(data, scale, rng, today):
    n = lambda x: int(x * scale)
    with open(os.path.join(data, "crm_contacts.csv"), "w") as f:
        f.write("contact_id,full_name,email,phone,city,modified_on\n")
        f.writelines(
            f"{i + 1},{nm},{em},{ph[:4]}-{ph[4:]},{city},{day(today, i % 700)}T08:00:00Z\n"
            for i in range(n(400_000)) for nm, em, ph, city in [person(i)])
    with open(os.path.join(data, "webshop_accounts.csv"), "w") as f:
        f.write("account_id,display_name,email,mobile,signup_date\n")
        f.writelines(
            f"w{i},{nm.lower()},{em.upper() if i % 2 else em},{ph},{day(today, rng.randrange(0, 900))}\n"
            for i in range(n(250_000), n(600_000)) for nm, em, ph, _ in [person(i)])
    with open(os.path.join(data, "loyalty_members.csv"), "w") as f:
        f.write("member_no,name,phone,city,tier\n")
        f.writelines(
            f"L{i},{nm},{ph[:4]} {ph[4:]},{city},{['Gold', 'Silver', 'Bronze'][i % 3]}\n"
            for i in range(n(100_000), n(350_000)) for nm, _, ph, city in [person(i)])


def write_orders(data, scale, rng, today):
    lo, hi = int(250_000 * scale), int(600_000 * scale)
    with open(os.path.join(data, "orders.csv"), "w") as f:
        f.write("order_id,account_id,amount,order_date\n")
        batch = []
        for i in range(1, int(5_000_000 * scale) + 1):
            batch.append(f"{i},w{rng.randrange(lo, hi)},{rng.randrange(500, 50000) / 100},{day(today, rng.randrange(0, 365))}\n")
            if len(batch) == 100_000:
                f.writelines(batch)
                batch.clear()
        f.writelines(batch)


def cond(**kw):
    return kw


def definition():
    def source(name, path, columns, **extra):
        return dict(name=name, kind="csv", path=path, columns=[dict(name=c, type=t) for c, t in columns], **extra)
    sources = [
        source("CRM contacts", "data/crm_contacts.csv",
               [("contact_id", "integer"), ("full_name", "string"), ("email", "string"), ("phone", "string"),
                ("city", "string"), ("modified_on", "datetime")],
               feeds="customers", keyColumn="contact_id", updatedColumn="modified_on",
               mapping={"full_name": "name", "email": "email", "phone": "phone", "city": "city"}),
        source("Webshop accounts", "data/webshop_accounts.csv",
               [("account_id", "string"), ("display_name", "string"), ("email", "string"), ("mobile", "string"),
                ("signup_date", "date")],
               feeds="customers", keyColumn="account_id",
               mapping={"display_name": "name", "email": "email", "mobile": "phone", "signup_date": "signupDate"}),
        source("Loyalty members", "data/loyalty_members.csv",
               [("member_no", "string"), ("name", "string"), ("phone", "string"), ("city", "string"), ("tier", "string")],
               feeds="customers", keyColumn="member_no",
               mapping={"name": "name", "phone": "phone", "city": "city", "tier": "loyaltyTier"}),
        source("Orders", "data/orders.csv",
               [("order_id", "integer"), ("account_id", "string"), ("amount", "decimal"), ("order_date", "date")],
               feeds="activities", customerSource="Webshop accounts", customerKeyColumn="account_id"),
    ]
    measures = [
        dict(name="Total revenue", aggregation="sum", source="Orders", column="amount"),
        dict(name="Active customers", aggregation="distinctCount", source="Orders", column="customerId",
             filter=cond(field="order_date", op="inLastDays", value=30)),
        dict(name="Average order value", aggregation="average", source="Orders", column="amount"),
        dict(name="Lifetime spend", level="customer", aggregation="sum", source="Orders", column="amount"),
        dict(name="Orders last 90 days", level="customer", aggregation="count", source="Orders",
             filter=cond(field="order_date", op="inLastDays", value=90)),
    ]
    segments = [
        dict(name="High value", rule=cond(measure="Lifetime spend", op=">", value=3000)),
        dict(name="Lapsed", rule={"all": [cond(measure="Lifetime spend", op=">", value=0),
                                          cond(measure="Orders last 90 days", op="=", value=0)]}),
        dict(name="New this month", rule=cond(field="signupDate", op="inLastDays", value=30)),
        dict(name="Berlin", rule=cond(field="city", op="=", value="Berlin")),
        dict(name="Berlin or Hamburg", rule={"any": [cond(field="city", value="Berlin"), cond(field="city", value="Hamburg")]}),
        dict(name="No email", rule=cond(field="email", op="isEmpty")),
        dict(name="Gmail", rule=cond(field="email", op="contains", value="gmail")),
        dict(name="Name starts with A", rule=cond(field="name", op="startsWith", value="a")),
        dict(name="Frequent", rule=cond(measure="Orders last 90 days", op=">=", value=3)),
        dict(name="High value in Berlin", rule={"all": [cond(segment="High value"), cond(field="city", value="Berlin")]}),
    ]
    unification = dict(
        fields=[dict(name="name", type="string"), dict(name="email", type="string", normalize="email"),
                dict(name="phone", type="string", normalize="phone"), dict(name="city", type="string"),
                dict(name="signupDate", type="date"), dict(name="loyaltyTier", type="string")],
        matchRules=[dict(name="Email", fields=["email"]), dict(name="Name and phone", fields=["name", "phone"])],
        merge="precedence", precedence=["CRM contacts", "Webshop accounts", "Loyalty members"])
    return dict(name="Benchmark", sources=sources, unification=unification, measures=measures, segments=segments)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    data = os.path.join(args.out, "workspace", "data")
    os.makedirs(data, exist_ok=True)
    rng = random.Random(42)
    today = datetime.date.today()
    write_customers(data, args.scale, rng, today)
    write_orders(data, args.scale, rng, today)
    with open(os.path.join(args.out, "workspace", "workspace.json"), "w") as f:
        json.dump(definition(), f, indent=2)


if __name__ == "__main__":
    main()
