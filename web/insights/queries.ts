/** The page's questions: the same public API as any client. */
export const MONTHLY_BY_MODE = /* GraphQL */ `
  query MonthlyByMode($flow: TradeFlowDirection!, $reporter: CountryCode!, $data: DataOrigin) {
    tradeFlows(flow: $flow, groupBy: [MONTH, MODE], filter: { reporters: [$reporter] }, data: $data, first: 1000) {
      rows {
        period
        mode
        synthetic
        suppressed
        primaryValue {
          usd
        }
      }
    }
  }
`;

export const TOP_PARTNERS = /* GraphQL */ `
  query TopPartners($flow: TradeFlowDirection!, $reporter: CountryCode!, $data: DataOrigin) {
    tradeFlows(flow: $flow, groupBy: [PARTNER], filter: { reporters: [$reporter] }, data: $data, first: 20) {
      rows {
        partner {
          code
          name
        }
        synthetic
        suppressed
        primaryValue {
          usd
        }
      }
    }
  }
`;

export const LANES = /* GraphQL */ `
  query Lanes($flow: TradeFlowDirection!, $reporter: CountryCode!, $data: DataOrigin) {
    tradeFlows(flow: $flow, groupBy: [PARTNER, REPORTER], filter: { reporters: [$reporter] }, data: $data, first: 10) {
      rows {
        partner {
          code
        }
        reporter {
          code
        }
        synthetic
        suppressed
        landedCostShares {
          item
          shipping
          duties
          taxes
          fees
        }
      }
    }
  }
`;

export const LANE = /* GraphQL */ `
  query Lane($origin: CountryCode!, $destination: CountryCode!, $data: DataOrigin) {
    lane(origin: $origin, destination: $destination, data: $data) {
      id
      modes {
        mode
        synthetic
        suppressed
        orders
        transitDays {
          median
          p90
        }
        onTimeRate
      }
      customsRules {
        kind
        summary
        source
      }
    }
  }
`;
