-- Similar cars: the available cars of one make and model in price order, so that the nearest prices
-- either side of a car are two short index reads even for a model with thousands of cars in stock.
CREATE INDEX cars_similar_idx ON cars (make, model, list_price) WHERE status = 'available';
