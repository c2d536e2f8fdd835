"""The whole job of bench/whole-job.bench.ts written with Python lifetimes, for the side-by-side
in bench/lifetimes-side-by-side.ts: read the log, summarise it (whole log as calibration, same-day
purchases merged, recency and age in weeks), fit BG/NBD and Gamma-Gamma, score every customer
(P(alive), expected purchases and value over 52 weeks undiscounted, CLV over 12 months at 1% a
month), print two small tables picked by customer id, and write every customer to CSV.

    python3 bench/lifetimes-job.py TRANSACTIONS.csv OUT.csv "C17,C4711" "C1,C99999"
"""
import sys

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

log_path, out_path, first_ids, second_ids = sys.argv[1:5]
log = pd.read_csv(log_path, parse_dates=["date"], dtype={"customer_id": str})
s = summary_data_from_transaction_data(log, "customer_id", "date", monetary_value_col="amount", freq="D")
s["recency"] /= 7
s["T"] /= 7

purchases = BetaGeoFitter().fit(s["frequency"], s["recency"], s["T"])
repeaters = s[s["frequency"] > 0]
spend = GammaGammaFitter().fit(repeaters["frequency"], repeaters["monetary_value"])

s["p_alive"] = purchases.conditional_probability_alive(s["frequency"], s["recency"], s["T"])
s["expected_purchases"] = purchases.conditional_expected_number_of_purchases_up_to_time(
    52, s["frequency"], s["recency"], s["T"]
)
s["expected_spend"] = spend.conditional_expected_average_profit(s["frequency"], s["monetary_value"])
s["value_52_weeks"] = s["expected_purchases"] * s["expected_spend"]
# lifetimes returns the CLV with a fresh index: take its values, in the summary's order.
s["clv"] = spend.customer_lifetime_value(
    purchases, s["frequency"], s["recency"], s["T"], s["monetary_value"], time=12, discount_rate=0.01, freq="W"
).values

print(s.loc[first_ids.split(",")])
print(s.loc[second_ids.split(",")])
s.to_csv(out_path)
